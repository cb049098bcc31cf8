// GET /api/recordings/export?format=csv|json&<search filters> — the search's results as a file (masked
// for the role, at most EXPORT_MAX_ROWS rows), audited with the filter and row count before it streams.
import { z } from 'zod';
import { rolesFor } from '@/lib/auth/permissions';
import { withRole } from '@/lib/auth/with-role';
import { exportSearch } from '@/lib/recordings/export-search';
import { ZSearchFilter } from '@/lib/recordings/search-filter';

export const dynamic = 'force-dynamic';

const ZExportQuery = z.intersection(ZSearchFilter, z.object({ format: z.enum(['csv', 'json'], 'format must be csv or json') }));

export const GET = withRole(rolesFor('recordings.view'), ZExportQuery, async ({ input, user }) => {
  const { format, ...filter } = input;
  const { rows, truncated, body } = await exportSearch(filter, user, format);
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '');
  return new Response(body, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="callvault-search-${stamp}.${format}"`,
      'X-Export-Rows': String(rows),
      'X-Export-Truncated': String(truncated),
    },
  });
});
