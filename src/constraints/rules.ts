/**
 * Input rules AWS applies beyond the model's constraint table, shared by the emulator and the
 * gateway's validators so both refuse the same inputs.
 */

/** Tag keys with this prefix (any case) belong to AWS. */
export const RESERVED_TAG_PREFIX = 'aws:';

/**
 * Tags a single resource may carry. Not documented for Clean Rooms (Clean Rooms ML documents
 * 50), so this is the conservative value; the emulator's quota is configurable.
 */
export const MAX_TAGS_PER_RESOURCE = 50;
