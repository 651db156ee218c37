export { createRestRouter, type RestRouterOptions } from './rest-router.js';
export type { RestDeps, RestCall } from './context.js';
export type { RestApp, RestRenderContext, RestWriteContext } from './rest-app.js';
export { flavorOf, type Flavor, type Profile } from './flavor.js';
export { timesheetRestApp } from './apps/timesheet-rest-app.js';
export { contactsRestApp } from './apps/contacts/contacts-rest-app.js';
export { buildOpenApi } from './openapi/build-openapi.js';
export { tasksRestApp, type TasksRestAppDeps } from './apps/tasks/tasks-rest-app.js';
export { calendarRestApp, type CalendarRestAppDeps } from './apps/calendar/calendar-rest-app.js';
