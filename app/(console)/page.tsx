import { redirect } from 'next/navigation';
import { homePath } from '@/lib/auth/permissions';
import { pageUser } from '@/lib/auth/page-user';

// The console's front door: each role lands on its first page.
export default async function HomePage() {
  const user = await pageUser();
  redirect(homePath(user.role));
}
