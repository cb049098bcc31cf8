import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { Providers } from '@/components/providers';
import { TimeZoneProvider } from '@/components/ui/time-zone';
import { pageUser } from '@/lib/auth/page-user';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await pageUser();
  return (
    <Providers>
      <TimeZoneProvider timeZone={user.timeZone}>
        <AppShell user={{ name: user.name, email: user.email, role: user.role }}>{children}</AppShell>
      </TimeZoneProvider>
    </Providers>
  );
}
