import Link from "next/link";

export default function Forbidden() {
  return (
    <main>
      <h1>Not allowed</h1>
      <p>Your role does not give access to this page.</p>
      <p>
        <Link href="/articles">Back to the workspace</Link>
      </p>
    </main>
  );
}
