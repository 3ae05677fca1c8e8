import { scalarString, valueOf } from '../document/yamlTree';
import { defaultPullPolicy, imageTag } from '../pod/imageReference';
import { podModelOf, type ContainerModel } from '../pod/podModel';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { containerLabel, spanOf } from './support';

export const imageTagRule: RuleDescriptor = {
  id: 'image-tag',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'An image without a tag, or with :latest, runs whatever was pushed last: Pods of one workload can run different code, and a rollback cannot go back.',
  example: 'containers:\n  - name: web\n    image: nginx',
  fix: 'Pin a version tag (`nginx:1.27.2`) or a digest (`nginx@sha256:...`).',
};

export const imageWhitespaceRule: RuleDescriptor = {
  id: 'image-whitespace',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A Pod\'s container image may not begin or end with whitespace (a stray space in quotes); the API server rejects it when the Pod is created.',
  example: 'containers:\n  - name: web\n    image: " nginx:1.27"',
  fix: 'Remove the spaces around the image reference.',
};

export const imagePullPolicyRule: RuleDescriptor = {
  id: 'image-pull-policy',
  defaultSeverity: 'information',
  profile: 'strict',
  rationale: 'With imagePullPolicy IfNotPresent a node runs whatever image it cached under the tag, and a Pod can start from a private image another Pod pulled without its own pull secret; a tag that moves (:latest, none) then means different code on different nodes.',
  example: 'containers:\n  - name: web\n    image: registry.example/web:latest\n    imagePullPolicy: IfNotPresent',
  fix: 'Set imagePullPolicy: Always (the registry is asked for the tag\'s digest at each start; layers stay cached), or pin the image by digest.',
};

/** The shape of an image reference: lowercase repository path, optional registry port, tag and digest. */
const IMAGE_REFERENCE = /^[a-z0-9][a-z0-9._-]*(:[0-9]+)?(\/[a-z0-9][a-z0-9._-]*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@[a-z0-9]+:[a-f0-9]+)?$/;

/** Images that say which version they run. */
export const imagesCheck: Check = {
  name: 'images',
  rules: [imageTagRule, imageWhitespaceRule, imagePullPolicyRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    for (const c of pod.containers) {
      // Only Pods: templates keep a blank image as a token some tools replace (the API server tolerates it there).
      if (pod.workload.kind === 'Pod' && c.image !== undefined && c.image !== '' && c.image.trim() !== c.image) {
        ctx.report(imageWhitespaceRule, {
          message: `The image of ${containerLabel(c)} begins or ends with whitespace; the API server rejects it when the Pod is created. Write \`${c.image.trim()}\`.`,
          ...spanOf(valueOf(c.node, 'image'))!,
        });
      }
      if (c.list === 'ephemeralContainers' || c.image === undefined || c.image.trim() === '') continue;
      // Placeholders (`$IMAGE`, `<image_url>`, `CONTAINER_IMAGE`) are filled in by tooling later: not ours to judge.
      // `auto` is Istio's convention: its injector sets the image of a gateway when the Pod is created.
      if (!IMAGE_REFERENCE.test(c.image) || c.image === 'auto') continue;
      const { tag, digest } = imageTag(c.image);
      if (digest) continue; // A digest names the exact image: any pull policy runs the same code.
      const span = spanOf(valueOf(c.node, 'image'));
      if (!span) continue;
      const mutable = tag === undefined || tag === 'latest';
      if (ctx.isEnabled(imagePullPolicyRule)) checkPullPolicy(ctx, c, mutable);
      if (mutable) {
        ctx.report(imageTagRule, {
          message: `The image of ${containerLabel(c)} ${tag === undefined ? 'has no tag, so it means :latest' : 'uses :latest'}: every Pod pulls whatever was pushed last, so replicas can run different code and a rollback cannot return to the old version. Pin a version tag or a digest (@sha256:...).`,
          ...span,
        });
      }
    }
  },
};

/** A pull policy other than Always: a warning where the tag moves, information otherwise. */
function checkPullPolicy(ctx: CheckContext, c: ContainerModel, mutableTag: boolean): void {
  const written = valueOf(c.node, 'imagePullPolicy');
  const policy = scalarString(written) ?? defaultPullPolicy(c.image ?? '');
  if (policy === 'Always') return;
  const span = spanOf(written) ?? spanOf(valueOf(c.node, 'image'));
  if (!span) return;
  const source = written ? `imagePullPolicy ${policy}` : `imagePullPolicy defaults to ${policy} for a tagged image`;
  ctx.report(imagePullPolicyRule, {
    message: mutableTag
      ? `The image of ${containerLabel(c)} has a tag that moves, and with imagePullPolicy ${policy} each node runs whatever it cached under it: replicas run different code. Set imagePullPolicy: Always, or pin a version or digest.`
      : `${source}: a node runs the image it cached under the tag, and the Pod can start from a private image another Pod pulled without its own pull secret. Set imagePullPolicy: Always (layers stay cached), or pin the image by digest.`,
    ...span,
    severity: mutableTag ? 'warning' : undefined,
  });
}
