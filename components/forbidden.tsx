// Shown when a signed-in user opens a page their role does not include.
export function Forbidden({ what }: { what: string }) {
  return (
    <section className="panel" role="alert">
      <h1>Not available for your role</h1>
      <p>Your role does not include {what}. Ask an administrator if you need it.</p>
    </section>
  );
}
