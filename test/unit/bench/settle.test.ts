import assert from 'node:assert/strict';
import { settle, type Publish, type PublishedDiagnostic } from '../../../bench/settle';

/** A diagnostic on one line. */
function at(line: number, message = `problem on line ${line}`): PublishedDiagnostic {
  return { range: { start: { line, character: 2 }, end: { line, character: 9 } }, message, severity: 1 };
}

function publish(ms: number, ...diagnostics: PublishedDiagnostic[]): Publish {
  return { ms, diagnostics };
}

describe('bench: reading the publishes after an open', () => {
  const view = { first: 0, last: 59 };

  it('one publish is both the first and the whole answer', () => {
    assert.deepEqual(settle([publish(900, at(17), at(1940))], view), { first: 0, all: 0, visibleDiagnostics: 1 });
  });

  it('visible documents first, then the rest: first is the publish that holds the view, all the last change', () => {
    const publishes = [publish(40, at(17)), publish(120, at(17), at(1940)), publish(300, at(17), at(1940), at(3865))];
    assert.deepEqual(settle(publishes, view), { first: 0, all: 2, visibleDiagnostics: 1 });
  });

  it('an early empty publish does not count when the view has problems', () => {
    const publishes = [publish(5), publish(60, at(17)), publish(200, at(17), at(1940))];
    assert.deepEqual(settle(publishes, view), { first: 1, all: 2, visibleDiagnostics: 1 });
  });

  it('a view that is right, then wrong, then right again counts from when it is right for good', () => {
    const publishes = [publish(10, at(17)), publish(20), publish(30, at(17)), publish(40, at(17), at(100))];
    assert.equal(settle(publishes, view)?.first, 2);
  });

  it('repeating the final list changes nothing: all is the publish that first had it', () => {
    const publishes = [publish(10, at(17)), publish(50, at(1940), at(17)), publish(90, at(17), at(1940))];
    assert.deepEqual(settle(publishes, view), { first: 0, all: 1, visibleDiagnostics: 1 });
  });

  it('a changed message on a visible line is a change', () => {
    const publishes = [publish(10, at(17, 'old')), publish(20, at(17, 'new'))];
    assert.deepEqual(settle(publishes, view), { first: 1, all: 1, visibleDiagnostics: 1 });
  });

  it('no publish, no reading', () => {
    assert.equal(settle([], view), undefined);
  });
});
