import type { DiagramModel } from '../../../shared/diagramTypes';

/** The one-line summary above the diagram: `Deployment shop · 6 containers · 3 volumes · 2 problems`. */
export function summaryText(model: DiagramModel): string {
  const problems = Object.values(model.problemCounts).reduce((a, b) => a + b, 0);
  const podName = model.pod.name ?? '(no name)';
  return [
    `${model.pod.kind} ${podName}`,
    counted(model.containers.length, 'container'),
    counted(model.volumes.length, 'volume'),
    problems === 0 ? 'no problems' : counted(problems, 'problem'),
  ].join(' · ');
}

/** `1 container`, `2 containers`, `0 volumes`. */
export function counted(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
