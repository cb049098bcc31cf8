import type { Metadata } from 'next';
import { CopyId } from '@/components/copy-id';
import { Forbidden } from '@/components/forbidden';
import { formatDateTime } from '@/components/ui/format';
import { TableScroll } from '@/components/ui/table-scroll';
import { listPublishedKeys, listRecentCheckpoints } from '@/lib/audit/list-published-keys';
import { pageUser } from '@/lib/auth/page-user';
import { can } from '@/lib/auth/permissions';

export const metadata: Metadata = { title: 'Audit signing keys — CallVault' };
export const dynamic = 'force-dynamic';

export default async function AuditKeysPage() {
  const user = await pageUser();
  if (!can(user.role, 'audit.view')) return <Forbidden what="the audit signing keys" />;
  const [{ keys }, checkpoints] = await Promise.all([listPublishedKeys(), listRecentCheckpoints()]);
  return (
    <>
      <h1>Audit signing keys</h1>
      <p className="muted">
        Checkpoints, export manifests and sealed segments are signed with these keys. Their public halves verify and cannot sign: give them
        to auditors, who should compare the fingerprints through a second channel (a letter, a call) before trusting a verification. The
        same list is served without sign-in at <a href="/api/audit/keys">/api/audit/keys</a>, which is exactly the file the verifier&apos;s{' '}
        <code>--keys</code> option reads.
      </p>
      <section className="panel" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Public keys</h2>
        <TableScroll label="Public keys">
          <table className="data" aria-label="Public keys" data-testid="signing-keys">
            <thead>
              <tr>
                <th scope="col">Key id</th>
                <th scope="col">Algorithm</th>
                <th scope="col">Valid from</th>
                <th scope="col">Valid until</th>
                <th scope="col">Fingerprint (SHA-256 of the public key)</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.keyId}>
                  <td>{k.keyId}</td>
                  <td>{k.algorithm}</td>
                  <td>{formatDateTime(k.validFrom, user.timeZone)}</td>
                  <td>{k.validUntil ? formatDateTime(k.validUntil, user.timeZone) : 'in service'}</td>
                  <td>
                    <CopyId value={k.fingerprint} label="fingerprint" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className="panel" aria-labelledby="checkpoints-heading">
        <h2 id="checkpoints-heading">Newest checkpoints</h2>
        <p className="muted">
          Each is an Object-Locked object in the audit bucket. Noting a root hash here lets you later check that the log only grew since.
        </p>
        <TableScroll label="Newest checkpoints">
          <table className="data" aria-label="Newest checkpoints" data-testid="audit-checkpoints">
            <thead>
              <tr>
                <th scope="col">Published</th>
                <th scope="col">Entries</th>
                <th scope="col">Root hash</th>
                <th scope="col">Key</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {checkpoints.map((c) => (
                <tr key={c.id}>
                  <td>{formatDateTime(c.createdAt, user.timeZone)}</td>
                  <td>{c.treeSize}</td>
                  <td>
                    <CopyId value={c.rootHash} label="root hash" />
                  </td>
                  <td>{c.keyId}</td>
                  <td>{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
