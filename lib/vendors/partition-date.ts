// The partition tag of a delivery: the UTC calendar date of a timestamp. "2024-05-14T23:30:00-05:00" is
// 2024-05-15 in UTC; slicing the text would tag it with the sender's local date.
export function partitionDate(timestamp: string | null | undefined): string | null {
  if (!timestamp) return null;
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}
