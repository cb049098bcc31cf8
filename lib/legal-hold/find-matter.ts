// The matter a matter page or action names (by id); a malformed or unknown id is a 404.
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { isUuid } from '@/lib/http/uuid-param';

export async function findMatter(
  id: string,
): Promise<{ id: string; reference: string; name: string; description: string; createdAt: Date; createdBy: { email: string } }> {
  if (!isUuid(id)) throw new AppError('not_found', 'Matter not found');
  const matter = await db().matter.findUnique({
    where: { id },
    select: { id: true, reference: true, name: true, description: true, createdAt: true, createdBy: { select: { email: true } } },
  });
  if (!matter) throw new AppError('not_found', 'Matter not found');
  return matter;
}
