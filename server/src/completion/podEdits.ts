import type { TextEdit } from 'vscode-languageserver-types';
import { pairOf } from '../document/yamlTree';
import { insertListItem } from '../document/collectionInserts';
import type { YamlValue } from '../document/flowWriter';
import type { IndentStyle } from '../document/indentStyle';
import type { Edit } from '../document/textEdit';
import type { ContainerModel, PodModel } from '../pod/podModel';
import type { FeatureRequest } from '../core/featureRequest';

/**
 * Edits elsewhere in the Pod that an inserted item needs to be complete: the mount of a new volume in the app
 * container, the volume a new sidecar shares. They go into existing collections (after their last item, in the
 * collection's own style) or add the key, through the edit toolkit; a Pod spec in flow style or anything malformed
 * gets no edit (the item's documentation then says what to add).
 */

/** A volumeMounts entry for the container: after its last mount, or a new volumeMounts key after its last field. */
export function mountEdit(req: FeatureRequest, container: ContainerModel, mount: YamlValue, style: IndentStyle): TextEdit | undefined {
  return asTextEdit(req, insertListItem(req.doc.text, container.node, 'volumeMounts', mount, style));
}

/**
 * A volume for the Pod: after its last volume, or, without a volumes key, a new one on the line before
 * `containers` (an edit there never touches the container being written below it).
 */
export function volumeEdit(req: FeatureRequest, pod: PodModel, volume: YamlValue, style: IndentStyle): TextEdit | undefined {
  const podSpec = pod.podSpec;
  if (!podSpec || podSpec.flow) return undefined;
  const containers = pairOf(podSpec, 'containers');
  if (!containers && !pairOf(podSpec, 'volumes')) return undefined;
  return asTextEdit(req, insertListItem(req.doc.text, podSpec, 'volumes', volume, style, containers));
}

function asTextEdit(req: FeatureRequest, edit: Edit | undefined): TextEdit | undefined {
  return edit && { range: req.rangeOf(edit.start, edit.end), newText: edit.newText };
}
