/**
 * Container image references (`[registry[:port]/]path[:tag][@digest]`) and what the API derives from them.
 */

/** The tag and digest of an image reference. The tag is after the last '/' only (a registry may have a port). */
export function imageTag(image: string): { tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  return { tag: colon >= 0 ? name.slice(colon + 1) : undefined, digest };
}

/**
 * The imagePullPolicy the API server fills in when a container sets none: Always for an image that names no
 * version (no tag and no digest, or the tag latest), since the node cannot know whether its copy is current;
 * IfNotPresent for any other tag or a digest.
 */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const { tag, digest } = imageTag(image.trim());
  return tag === 'latest' || (tag === undefined && digest === undefined) ? 'Always' : 'IfNotPresent';
}
