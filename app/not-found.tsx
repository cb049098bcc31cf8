import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="page">
      <h1>Not found</h1>
      <p>
        There is nothing at this address. <Link href="/">Back to the console</Link>
      </p>
    </main>
  );
}
