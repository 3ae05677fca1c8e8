import { defaultPullPolicy } from '../pod/imageReference';

/**
 * What completion says about imagePullPolicy for the container's image: the policy the API fills in when none is
 * written (Always for an untagged or :latest image, IfNotPresent otherwise), so that accepting the first offer
 * never silently changes what the container would do.
 */
export interface PullPolicyOffer {
  /** The default for this image; undefined while the container has no image. */
  readonly defaultPolicy?: 'Always' | 'IfNotPresent';
  /** For an item's detail: which value is the default, and why. */
  readonly note: string;
}

export function pullPolicyOffer(image: string | undefined): PullPolicyOffer {
  if (!image?.trim()) return { note: 'default: Always for an untagged or :latest image, else IfNotPresent' };
  const policy = defaultPullPolicy(image);
  return { defaultPolicy: policy, note: `default for this image: ${policy} (${policy === 'Always' ? 'untagged or :latest' : 'it names a version'})` };
}
