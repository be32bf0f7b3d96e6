import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, onUnauthenticated, setAccessToken } from '../api/client';
import type { Role } from '../api/types';

export interface Session {
  token: string;
  expiresAt?: string;
  user: { id?: string; username?: string; role: Role; enterpriseId?: string };
}

interface AuthValue {
  session: Session | null;
  login: (username: string, password: string) => Promise<Session>;
  logout: () => Promise<void>;
  /** set when the API refused the token (expired, revoked) */
  expired: boolean;
}

const KEY = 'scf.session';
const AuthContext = createContext<AuthValue | null>(null);

function restore(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (s.expiresAt && Date.parse(s.expiresAt) <= Date.now()) return null;
    return s;
  } catch {
    return null;
  }
}

/** The login session: a short-lived bearer token kept for this browser tab only (sessionStorage). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => {
    const s = restore();
    setAccessToken(s?.token ?? null);
    return s;
  });
  const [expired, setExpired] = useState(false);
  const queryClient = useQueryClient();

  // the next user of this tab must never see the previous one's cached records
  const clear = useCallback(() => {
    setAccessToken(null);
    setSession(null);
    queryClient.clear();
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      /* ignore */
    }
  }, [queryClient]);

  useEffect(
    () =>
      onUnauthenticated(() => {
        setExpired(true);
        clear();
      }),
    [clear],
  );

  const login = useCallback(async (username: string, password: string) => {
    const r = await call(api.POST('/api/v1/auth/login', { body: { username, password } }));
    const s: Session = {
      token: r.accessToken!,
      expiresAt: r.expiresAt,
      user: { id: r.user?.id, username: r.user?.username, role: r.user?.role as Role, enterpriseId: r.user?.enterpriseId },
    };
    setAccessToken(s.token);
    try {
      sessionStorage.setItem(KEY, JSON.stringify(s));
    } catch {
      /* ignore */
    }
    setExpired(false);
    setSession(s);
    return s;
  }, []);

  const logout = useCallback(async () => {
    try {
      await call(api.POST('/api/v1/auth/logout'));
    } catch {
      /* the token is dropped here whatever the API answered */
    }
    clear();
  }, [clear]);

  const value = useMemo(() => ({ session, login, logout, expired }), [session, login, logout, expired]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('no session');
  return session;
}

/** Where each role starts. */
export function homeOf(role: Role | undefined): string {
  switch (role) {
    case 'SUPPLIER':
      return '/supplier';
    case 'BANK':
      return '/bank';
    case 'CORE':
      return '/core';
    case 'PLATFORM_ADMIN':
      return '/admin';
    case 'AUDITOR':
      return '/core/payables';
    default:
      return '/login';
  }
}
