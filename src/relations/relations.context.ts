/**
 * Memberships and collaborations describe each other: a membership names its collaboration, a
 * collaboration names the caller's membership, a member may be the caller. This folder is the
 * one place that knows both features; neither feature imports the other.
 */
import type { CollaborationsContext } from '../collaborations/collaboration.loader';
import type { MembershipsContext } from '../memberships/membership.loader';

/** The request context of code that crosses between memberships and collaborations. */
export type RelationsContext = MembershipsContext & CollaborationsContext;
