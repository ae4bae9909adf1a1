import Link from "next/link";

export default function NotFound() {
  return (
    <main>
      <h1>Not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link href="/">Go to the start page</Link>
      </p>
    </main>
  );
}
