'use client';
// Unexpected errors while rendering a console page: say so plainly and offer a retry (details stay in the server log).
export default function ConsoleError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="panel" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Try again; if it keeps failing, tell your administrator the time it happened.</p>
      <button type="button" className="btn btn-primary" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
