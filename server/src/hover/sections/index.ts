import type { HoverSection } from '../section';
import { descriptionSection } from './descriptionSection';
import { enclosingFieldSection, fieldExplanationSection, fieldHeaderSection } from './fieldSection';
import { kubectlReadingSection } from './kubectlReadingSection';
import { lifecycleSection } from './lifecycleSection';
import { networkSection } from './networkSection';
import { podSummary } from './podSummary';
import { probeSection } from './probeSection';
import { resourcesSection } from './resourcesSection';
import { schedulingSection } from './schedulingSection';
import { securityContextSection } from './securityContextSection';
import { storageSection } from './storageSection';
import { templateSection } from './templateSection';
import { valueSection } from './valueSection';
import { versionSection } from './versionSection';

/**
 * The hover's sections, most important first. Extension point: a new concern (e.g. a securityContext section that
 * shows a container's effective runAsUser) is a module exporting a HoverSection and one line here, placed before
 * `enclosingFieldSection` and `descriptionSection`, which close every hover with the enclosing field's explanation, the
 * upstream text and the docs links.
 */
export const HOVER_SECTIONS: readonly HoverSection[] = [
  podSummary,
  fieldHeaderSection,
  versionSection,
  valueSection,
  kubectlReadingSection,
  fieldExplanationSection,
  lifecycleSection,
  probeSection,
  networkSection,
  storageSection,
  resourcesSection,
  schedulingSection,
  templateSection,
  securityContextSection,
  enclosingFieldSection,
  descriptionSection,
];
