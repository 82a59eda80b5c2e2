import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CardResult,
  type CreatePinRequest,
  Pin,
  type PinList,
  PinList as PinListSchema,
  type UpdatePinRequest,
} from '../../../contract/dashboard';
import { api } from '../../../lib/api-client';

const PINS_KEY = ['dashboard', 'pins'] as const;

const pinsQuery = () =>
  queryOptions({
    queryKey: PINS_KEY,
    queryFn: ({ signal }) => api.get('/dashboard/pins/', { schema: PinListSchema, signal }),
    staleTime: 0,
  });

export const usePins = () => useQuery(pinsQuery());

/** Each card asks for its own figures, so the first one shows as soon as it is ready. */
export const useCardResult = (pinId: string) =>
  useQuery({
    queryKey: ['dashboard', 'card', pinId],
    queryFn: ({ signal }) =>
      api.get(`/dashboard/pins/${encodeURIComponent(pinId)}/result/`, { schema: CardResult, signal }),
    staleTime: 0,
  });

export function useCreatePin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePinRequest) => api.post('/dashboard/pins/', body, { schema: Pin }),
    meta: { handlesOwnErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: PINS_KEY }),
  });
}

export function useUpdatePin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UpdatePinRequest }) =>
      api.patch(`/dashboard/pins/${encodeURIComponent(id)}/`, change, { schema: Pin }),
    onSuccess: (pin) =>
      client.setQueryData<PinList>(PINS_KEY, (list) =>
        list ? { ...list, results: list.results.map((item) => (item.id === pin.id ? pin : item)) } : list,
      ),
  });
}

export function useRemovePin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/dashboard/pins/${encodeURIComponent(id)}/`),
    onSuccess: (_answer, id) =>
      client.setQueryData<PinList>(PINS_KEY, (list) =>
        list ? { ...list, results: list.results.filter((item) => item.id !== id) } : list,
      ),
  });
}

/** Moves show at once; a refused order puts the server's back. */
export function useReorderPins() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.put('/dashboard/pins/order/', { ids }),
    onMutate: async (ids) => {
      await client.cancelQueries({ queryKey: PINS_KEY });
      const before = client.getQueryData<PinList>(PINS_KEY);
      client.setQueryData<PinList>(PINS_KEY, (list) => {
        if (!list) return list;
        const byId = new Map(list.results.map((pin) => [pin.id, pin]));
        const mine = ids.map((id) => byId.get(id)).filter((pin): pin is Pin => pin !== undefined);
        const others = list.results.filter((pin) => !ids.includes(pin.id));
        return { ...list, results: [...mine, ...others] };
      });
      return { before };
    },
    onError: (_error, _ids, context) => {
      if (context?.before) client.setQueryData(PINS_KEY, context.before);
    },
    onSettled: () => client.invalidateQueries({ queryKey: PINS_KEY }),
  });
}
