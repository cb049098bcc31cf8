// Intake without workers, for the webhook route tests: these accounts are the configured vendor accounts and
// Redis starts empty; afterwards Redis is emptied and every producer-side connection closed.
import { afterAll, beforeAll } from 'vitest';
import { closeProducerSide, resetRedis, setVendorAccounts, type TTestAccount } from './ingest-harness';

export function setupIntake(accounts: TTestAccount[]): void {
  beforeAll(async () => {
    setVendorAccounts(accounts);
    await resetRedis();
  });
  afterAll(closeProducerSide);
}
