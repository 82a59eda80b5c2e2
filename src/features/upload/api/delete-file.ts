import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { filesQuery } from './list-files';

export const deleteFile = (id: string) => api.delete(`/files/${encodeURIComponent(id)}/`);

export function useDeleteFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteFile,
    onSettled: () => queryClient.invalidateQueries({ queryKey: filesQuery().queryKey }),
  });
}
