// How long a case has waited, for the queue's age column ("45 min", "5 h 20 min", "3 d 4 h").
export function formatAge(fromIso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

export function isPastSla(fromIso: string, now: number, slaHours: number): boolean {
  return now - Date.parse(fromIso) > slaHours * 3_600_000;
}
