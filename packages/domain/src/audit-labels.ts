// What the audit log shows people instead of its codes (issue 11: "auth.sign_in", "User 6d76dd7f").

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sso_sign_in': 'Signed in through single sign-on',
  'auth.sso_link': 'Linked an account to single sign-on',
  'auth.sso_provision': 'Account created by single sign-on',
  'auth.sso_refused': 'Single sign-on refused',
  'auth.password_reset_request': 'Asked for a password reset link',
  'auth.password_reset': 'Reset their password from an emailed link',
  'change_idea.create': 'Added a change idea',
  'change_idea.update': 'Changed a change idea',
  'change_idea.delete': 'Deleted a change idea',
  'comment.create': 'Commented',
  'comment.delete': 'Deleted a comment',
  'comment.resolve': 'Resolved feedback',
  'comment.reply_to_feedback': 'Answered feedback',
  'comment.accept_reply': 'Accepted the reply to feedback',
  'comment.reopen': 'Re-opened feedback',
  'cycle.create': 'Created a cycle',
  'cycle.update': 'Changed a cycle',
  'cycle.delete': 'Deleted a cycle',
  'cycle.save_measures': 'Saved a cycle’s measures',
  'cycle.save_questions': 'Saved a cycle’s questions',
  'cycle.save_tasks': 'Saved a cycle’s tasks',
  'cycle.transition': 'Moved a cycle to another stage',
  'cycle.move_back': 'Moved a cycle back a stage',
  'cycle.update_narrative': 'Edited a cycle’s notes',
  'district.update': 'Changed district settings',
  'district_goal.create': 'Added a district goal',
  'district_goal.update': 'Changed a district goal',
  'driver.create': 'Added a driver',
  'driver.update': 'Changed a driver',
  'driver.delete': 'Deleted a driver',
  'goal.create': 'Created a goal',
  'goal.update': 'Changed a goal',
  'measure.create': 'Added a measure',
  'measure.update': 'Changed a measure',
  'observation.save': 'Entered data',
  'observation.delete': 'Deleted data',
  'observation.import': 'Imported data',
  'observation.import_undo': 'Undid an import',
  'school.create': 'Added a school',
  'school.update': 'Changed a school',
  'sso.policy_update': 'Changed the sign-in policy',
  'sso.provider_create': 'Added an identity provider',
  'sso.provider_update': 'Changed an identity provider',
  'sso.provider_delete': 'Removed an identity provider',
  'student_group.create': 'Added a student group',
  'student_group.update': 'Changed a student group',
  'team.create': 'Added a team',
  'team.update': 'Changed a team',
  'user.create': 'Added a user',
  'user.invite': 'Invited a user',
  'user.resend_invitation': 'Resent an invitation',
  'user.revoke_invitation': 'Revoked an invitation',
  'user.accept_invitation': 'Accepted an invitation and set a password',
  'user.set_temporary_password': 'Set a temporary password',
  'user.update': 'Changed a user',
  'user.grant_role': 'Gave a role',
  'user.revoke_role': 'Took back a role',
}

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  change_idea: 'Change idea',
  comment: 'Comment',
  district: 'District',
  district_goal: 'District goal',
  driver_node: 'Driver',
  equity_goal: 'Goal',
  identity_provider: 'Identity provider',
  import_batch: 'Import',
  measure: 'Measure',
  observation: 'Data point',
  observation_series: 'Data series',
  pdsa_cycle: 'Cycle',
  school: 'School',
  student_group: 'Student group',
  team: 'Team',
  user: 'User',
}

/** "auth.sign_in" → "Signed in"; an unknown code in plain words ("foo.bar_baz" → "Foo bar baz"). */
export function auditActionLabel(code: string): string {
  const known = AUDIT_ACTION_LABELS[code]
  if (known) return known
  const text = code.replace(/[._]/g, ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function auditEntityLabel(code: string): string {
  return AUDIT_ENTITY_LABELS[code] ?? auditActionLabel(code)
}
