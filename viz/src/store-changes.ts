/**
 * Notices when the stored graph changes under the running server (a `guanxi ingest` beside
 * `guanxi serve`): /api/meta's change marker is asked for now and then, and `onChange` is told once.
 */
import { api } from './api.js';

const EVERY_MS = 10_000;

export function watchStoreChanges(marker: string, onChange: () => void): void {
  const timer = setInterval(() => {
    api
      .meta()
      .then((meta) => {
        if (meta.changes === marker) return;
        clearInterval(timer);
        onChange();
      })
      // The server may be restarting; the next look will tell.
      .catch(() => {});
  }, EVERY_MS);
}
