import { useQuery } from '@tanstack/react-query';
import { useCustody, type MyIdentity } from '../../api/selfCustody';
import { useAuth } from '../../lib/auth';
import { loadKey, type StoredKey } from './keyStore';

/**
 * Where the logged-in user stands with their own key:
 *   NOT_NEEDED   the platform holds the enterprise's keys (or the role signs nothing);
 *   READY        this browser holds a key whose certificate is active;
 *   NOT_ENROLLED this browser holds a key the API has no active certificate for (enrollment failed, or superseded);
 *   MISSING      the enterprise signs for itself and this browser holds no key of this user.
 */
export type KeyState = 'LOADING' | 'NOT_NEEDED' | 'READY' | 'NOT_ENROLLED' | 'MISSING';

const SIGNING_ROLES = new Set(['BANK', 'CORE', 'SUPPLIER']);

export const localKeyQuery = (enterpriseId?: string, username?: string) => ['self-custody', 'local-key', enterpriseId, username] as const;

export function useSigningKey(): { state: KeyState; custody?: string; key?: StoredKey; identity?: MyIdentity; identities: MyIdentity[] } {
  const { session } = useAuth();
  const user = session?.user;
  const signs = Boolean(user?.enterpriseId && user.username && SIGNING_ROLES.has(user.role));
  const custody = useCustody(signs);
  const local = useQuery({
    queryKey: localKeyQuery(user?.enterpriseId, user?.username),
    queryFn: async () => (await loadKey(user!.enterpriseId!, user!.username!)) ?? null,
    enabled: signs,
    staleTime: Infinity,
  });
  const identities = custody.data?.identities ?? [];
  if (!signs) return { state: 'NOT_NEEDED', identities };
  if (custody.isPending || local.isPending) return { state: 'LOADING', identities };
  const key = local.data ?? undefined;
  const identity = key ? identities.find((i) => i.publicKeyId === key.publicKeyId) : undefined;
  const state: KeyState = identity ? 'READY' : key ? 'NOT_ENROLLED' : custody.data?.custody === 'SELF' ? 'MISSING' : 'NOT_NEEDED';
  return { state, custody: custody.data?.custody, key, identity, identities };
}
