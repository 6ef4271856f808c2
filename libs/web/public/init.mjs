import { initAll } from '/govuk/govuk-frontend.min.js';

initAll();

/**
 * Row-level exports (/reports/exports): while an export runs, poll its status from the api and move the
 * progress bar; when it finishes, reload so the download link (or the failure) shows. Without JavaScript
 * the page's "Refresh this page" link does the same job.
 */
const POLL_MS = 1500;
for (const box of document.querySelectorAll('[data-export-progress]')) {
  const id = box.getAttribute('data-export-progress');
  const bar = box.querySelector('progress');
  const text = box.querySelector('[data-export-progress-text]');
  const number = new Intl.NumberFormat('en-GB');
  const poll = async () => {
    try {
      const res = await fetch(`/api/v1/reports/exports/${encodeURIComponent(id)}`, {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!res.ok) return;
      const state = await res.json();
      if (state.status !== 'queued' && state.status !== 'running') {
        window.location.reload();
        return;
      }
      if (bar && typeof state.percent === 'number') {
        bar.value = state.percent;
        bar.textContent = `${state.percent}%`;
      }
      if (text && state.rowsExpected !== null)
        text.textContent = `${number.format(state.rowsWritten)} of ${number.format(state.rowsExpected)} rows`;
    } catch {
      // A network blip: the next poll tries again.
    }
    setTimeout(poll, POLL_MS);
  };
  setTimeout(poll, POLL_MS);
}
