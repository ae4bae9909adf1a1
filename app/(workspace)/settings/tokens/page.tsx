import { LocalDate } from "@/components/ui/local-date";
import type { Metadata } from "next";
import { listApiTokens } from "@/lib/auth/queries";
import { requirePageActor } from "@/lib/auth/session";
import { CreateTokenForm } from "./_components/create-token-form";
import { RevokeTokenButton } from "./_components/revoke-token-button";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageActor();
  const tokens = await listApiTokens(actor);
  return (
    <>
      <h1>Personal API tokens</h1>
      <p className="muted">
        Scripts use a token as <code>Authorization: Bearer &lt;token&gt;</code> on the JSON API under <code>/api</code>, with your role&apos;s rights.
      </p>
      <CreateTokenForm />
      <h2>Your tokens</h2>
      {tokens.length === 0 ? (
        <p>You have no tokens.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>
                  <LocalDate value={token.createdAt} style="timestamp" />
                </td>
                <td>{token.lastUsedAt ? <LocalDate value={token.lastUsedAt} style="timestamp" /> : "never"}</td>
                <td>{token.revokedAt ? "revoked" : <RevokeTokenButton tokenId={token.id} name={token.name} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
