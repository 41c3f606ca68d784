import { publicProcedure } from '../../init.ts'

/** The signed-in user and their roles, or null. */
export const me = publicProcedure
  .meta({ access: 'anyone (returns null when signed out)' })
  .query(({ ctx }) => ctx.actor)
