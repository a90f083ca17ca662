/**
 * accounts' public read interface: who a user is and which role grants they hold. Other modules and
 * the HTTP layer use this, never the account repository.
 */
import type { AccountRepository } from './account.repository.ts';

export class AccountDirectory {
  constructor(private readonly accounts: AccountRepository) {}

  findUserByUsername(username: string) {
    return this.accounts.findUserByUsername(username);
  }

  findUserById(id: number) {
    return this.accounts.findUserById(id);
  }

  /** The user's role grants with the unit's name, oldest first. */
  grantsOf(userId: number) {
    return this.accounts.grantsOf(userId);
  }

  findGrant(id: number) {
    return this.accounts.findGrant(id);
  }
}
