import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../lib/query-client';
import { useAccountQueryClient } from './account-query-client';
import { useNotice } from './notice-store';
import { AppRouter } from './router';

const newQueryClient = () => createQueryClient((error) => useNotice.getState().show(error));

export function App() {
  return (
    <QueryClientProvider client={useAccountQueryClient(newQueryClient)}>
      <AppRouter />
    </QueryClientProvider>
  );
}
