/**
 * What every check reports: a problem at an exact place of one document.
 *
 * Offsets are relative to the document (see ManifestDocument), so a finding stays valid when the document moves
 * within its file; the facade turns findings into protocol diagnostics.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedPlace {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface Finding {
  /** The rule's id, e.g. `yaml-syntax`, `unknown-field`, `duplicate-container-name`. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** One or two sentences that say what is wrong and why, in the person's terms. */
  readonly message: string;
  readonly start: number;
  readonly end: number;
  /** Other places that take part in the problem (the first of two duplicates, the conflicting port...). */
  readonly related?: readonly RelatedPlace[];
  /** Facts a quick fix needs (a suggested name, the target path...). Plain JSON. */
  readonly data?: Readonly<Record<string, unknown>>;
  /** Marks findings the editor shows faded (an unused volume) or struck through. */
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}
