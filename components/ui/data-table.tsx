// A console list as a table: its own sideways scroll box (TableScroll), an accessible name, and one header row
// of column labels, numeric columns right-aligned. The rows are the children.
import type { ReactNode } from 'react';
import { TableScroll } from '@/components/ui/table-scroll';

/** A column label; `num` right-aligns a numeric column. */
export type TColumn = string | { label: string; num: true };

export function DataTable({
  label,
  testId,
  columns,
  children,
}: {
  label: string;
  testId?: string;
  columns: TColumn[];
  children: ReactNode;
}) {
  return (
    <TableScroll label={label}>
      <table className="data" aria-label={label} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) =>
              typeof c === 'string' ? (
                <th key={c} scope="col">
                  {c}
                </th>
              ) : (
                <th key={c.label} scope="col" className="num">
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
