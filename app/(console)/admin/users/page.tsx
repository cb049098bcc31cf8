import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { CreateUserForm } from '@/components/users/create-user-form';
import { UsersTable } from '@/components/users/users-table';
import { can } from '@/lib/auth/permissions';
import { pageUser } from '@/lib/auth/page-user';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Users — CallVault' };

export default async function UsersPage() {
  const user = await pageUser();
  if (!can(user.role, 'users.manage')) return <Forbidden what="user administration" />;
  return (
    <>
      <h1>Users and roles</h1>
      <UsersTable selfId={user.id} servedRegions={env().RESIDENCY_REGIONS} />
      <CreateUserForm servedRegions={env().RESIDENCY_REGIONS} />
    </>
  );
}
