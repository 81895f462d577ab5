import { createContext, useContext } from 'react';
import type { Api } from './api/endpoints';
import type { Session } from './auth/session';

export interface SignedIn {
  session: Session;
  api: Api;
  signOut(): void;
}

export const SignedInContext = createContext<SignedIn | undefined>(undefined);

export function useSignedIn(): SignedIn {
  const value = useContext(SignedInContext);
  if (!value) throw new Error('useSignedIn outside a signed-in screen');
  return value;
}
