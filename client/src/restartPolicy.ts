/**
 * What the client does when the language server process dies: restart it, and tell the person once per session
 * (a crash is a Podsmith bug they may want to report, but a dialog on every restart would be noise). A server
 * that dies again and again within a few minutes is crashing on start or on every keystroke: stop restarting and
 * say so, once. Pure logic (no `vscode` import) so it can be unit tested.
 */
export const CRASH_WINDOW_MS = 3 * 60 * 1000;
export const MAX_CRASHES_IN_WINDOW = 5;

export interface CloseDecision {
  readonly restart: boolean;
  /** A notification to show, at most one of each kind per session. */
  readonly notify?: string;
}

export const RESTARTED_MESSAGE =
  "Podsmith's language server stopped unexpectedly and was restarted; checks resume in a moment. If this happens again, the 'Podsmith' output channel has the details for a bug report.";

export const GAVE_UP_MESSAGE = `Podsmith's language server stopped ${MAX_CRASHES_IN_WINDOW} times within ${CRASH_WINDOW_MS / 60000} minutes, so it was not restarted again. Run "Developer: Reload Window" to try again; the 'Podsmith' output channel has the details.`;

export class RestartPolicy {
  private readonly crashes: number[] = [];
  private toldRestarted = false;

  /** Called each time the connection to the server closes without the client asking for it. */
  onServerClosed(now: number): CloseDecision {
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > CRASH_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length >= MAX_CRASHES_IN_WINDOW) return { restart: false, notify: GAVE_UP_MESSAGE };
    if (this.toldRestarted) return { restart: true };
    this.toldRestarted = true;
    return { restart: true, notify: RESTARTED_MESSAGE };
  }

  /**
   * An error while reading or writing the connection. A few in a row are transient (a message lost while the
   * server restarts); past that the connection is broken: shut it down, which closes it and restarts the server.
   */
  onConnectionError(count: number | undefined): 'continue' | 'shutdown' {
    return count !== undefined && count <= 3 ? 'continue' : 'shutdown';
  }
}
