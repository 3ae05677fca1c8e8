import assert from 'node:assert/strict';
import { annotationIfBuilt, fieldAnnotation, ifAnnotationsBuilt } from '../../../server/src/schema/annotations';

// The one guarded lookup hover and completion share: the annotation when built, never an exception.
describe('annotations: guarded lookup', () => {
  it('answers what fieldAnnotation answers when the annotations are built', () => {
    assert.deepEqual(annotationIfBuilt('io.k8s.api.core.v1.PodSpec', 'volumes'), fieldAnnotation('io.k8s.api.core.v1.PodSpec', 'volumes'));
    assert.equal(annotationIfBuilt('io.k8s.api.core.v1.Container', 'image')?.scope, 'container');
    assert.equal(annotationIfBuilt('io.k8s.api.core.v1.PodSpec', 'image'), undefined);
  });

  it('turns a failed read (annotations not built) into undefined', () => {
    assert.equal(
      ifAnnotationsBuilt(() => {
        throw new Error('dist/schema/annotations.json is missing');
      }),
      undefined,
    );
    assert.equal(ifAnnotationsBuilt(() => 'read'), 'read');
  });
});
