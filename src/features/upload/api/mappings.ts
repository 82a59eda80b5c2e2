import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ColumnMapping,
  MappingProposal,
  type NewColumnMapping,
  type ProposeMappingRequest,
} from '../../../contract/column-mapping';
import { StoredFile } from '../../../contract/files';
import { api } from '../../../lib/api-client';
import { filesQuery } from './list-files';

/** The API's proposal for a header (exact names, synonyms, similarity) and the saved mapping for it, if any. */
export const proposeMapping = (body: ProposeMappingRequest) =>
  api.post('/mappings/propose/', body, { schema: MappingProposal });

export const saveMapping = (body: NewColumnMapping) =>
  api.post('/mappings/', body, { schema: ColumnMapping });

/** Reads a stored file again with a mapping (or none). */
export function useReingest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fileId, mappingId }: { fileId: string; mappingId: string | null }) =>
      api.post(
        `/files/${encodeURIComponent(fileId)}/ingest/`,
        { mapping_id: mappingId },
        { schema: StoredFile },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: filesQuery().queryKey }),
  });
}
