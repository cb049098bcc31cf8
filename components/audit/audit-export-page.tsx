'use client';
// Start an export, keep its id in the URL (so a reload or a shared link shows the same progress).
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { ExportForm } from '@/components/audit/export-form';
import { ExportProgress } from '@/components/audit/export-progress';
import { useStartAuditExport } from '@/hooks/use-start-audit-export';
import { fieldErrors } from '@/lib/api-client/api-fetch';

export function AuditExportPage({ verifyKeyArg }: { verifyKeyArg: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const start = useStartAuditExport();
  const exportId = params.get('export');
  const errors = fieldErrors(start.error);
  return (
    <>
      <ExportForm
        pending={start.isPending}
        errors={errors}
        onStart={(scope) => start.mutate(scope, { onSuccess: ({ id }) => router.replace(`${pathname}?export=${id}`) })}
      />
      {start.isError && Object.keys(errors).length === 0 ? (
        <p className="error" role="alert">
          {start.error.message}
        </p>
      ) : null}
      {exportId ? <ExportProgress key={exportId} id={exportId} verifyKeyArg={verifyKeyArg} /> : null}
    </>
  );
}
