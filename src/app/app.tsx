import { QueryClientProvider } from '@tanstack/react-query';

import { createQueryClient } from '../lib/query-client';
import { useNotice } from './notice-store';
import { AppRouter } from './router';

const queryClient = createQueryClient((error) => useNotice.getState().show(error));

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AppRouter />
    </QueryClientProvider>
  );
}
