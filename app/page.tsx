export default function HomePage() {
  return (
    <main className="page">
      <h1>CallVault</h1>
      <p>Compliance archive for contact-center call recordings.</p>
    </main>
  );
}
