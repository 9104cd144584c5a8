import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { authApi } from '../../shared/api/auth.js';
import type { AnswerOf } from '../../shared/api/endpoint.js';
import { call } from '../api/client.js';

export type SessionUser = AnswerOf<typeof authApi.me>['user'];

interface Session {
  user: SessionUser | null;
  loaded: boolean;
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loaded, setLoaded] = useState(false);
  const refresh = useCallback(async () => {
    try {
      setUser((await call(authApi.me)).user);
    } catch {
      setUser(null);
    } finally {
      setLoaded(true);
    }
  }, []);
  const logout = useCallback(async () => {
    await call(authApi.logout).catch(() => undefined);
    setUser(null);
  }, []);
  useEffect(() => void refresh(), [refresh]);
  return (
    <SessionContext.Provider value={{ user, loaded, refresh, logout }}>{children}</SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
