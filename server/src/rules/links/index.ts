import type { LinkCheck } from './linkCheck';
import { customResourceCheck } from './customResources';
import { referenceCheck } from './references';
import { serviceLinkCheck } from './services';

/** Every check across documents, run with the workspace index (see linkCheck.ts). */
export const LINK_CHECKS: readonly LinkCheck[] = [referenceCheck, serviceLinkCheck, customResourceCheck];
