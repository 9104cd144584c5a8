import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from '../api/client.js';

export interface SessionUser {
  id: number;
  username: string;
  role: string;
  adminUnitCode: string | null;
  venueIds: number[];
}

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
      setUser((await api<{ user: SessionUser }>('GET', '/api/auth/me')).user);
    } catch {
      setUser(null);
    } finally {
      setLoaded(true);
    }
  }, []);
  const logout = useCallback(async () => {
    await api('POST', '/api/auth/logout').catch(() => undefined);
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
