import {
  ColumnMapping,
  MappingProposal,
  type NewColumnMapping,
  type ProposeMappingRequest,
} from '../../../contract/column-mapping';
import { api } from '../../../lib/api-client';

/** The API's proposal for a header (exact names, synonyms, similarity) and the saved mapping for it, if any. */
export const proposeMapping = (body: ProposeMappingRequest) =>
  api.post('/mappings/propose/', body, { schema: MappingProposal });

export const saveMapping = (body: NewColumnMapping) =>
  api.post('/mappings/', body, { schema: ColumnMapping });
