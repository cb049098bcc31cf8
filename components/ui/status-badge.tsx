// Recording status and legal-hold badges (text, not colour alone, carries the meaning).
import { titleCase } from '@/components/ui/format';

const TONE: Record<string, string> = { ARCHIVED: 'badge-ok', QUARANTINED: 'badge-warn', FAILED: 'badge-danger', PENDING: 'badge-muted' };

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge ${TONE[status] ?? 'badge-muted'}`}>{titleCase(status)}</span>;
}

export function LegalHoldBadge({ active }: { active: boolean }) {
  return active ? <span className="badge badge-danger">Legal hold</span> : null;
}
