// Screens other than the Trail load on first visit: the first bundle stays small, so opening the UI
// (at the Trail, or at the dashboard, whose charts load with it) parses less script before drawing.
import { lazy } from 'react';

export const DashboardScreen = lazy(() => import('../dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen })));
export const ImportScreen = lazy(() => import('../import/ImportScreen').then((m) => ({ default: m.ImportScreen })));
export const IntegrityScreen = lazy(() => import('../integrity/IntegrityScreen').then((m) => ({ default: m.IntegrityScreen })));
export const RecordScreen = lazy(() => import('../record/RecordScreen').then((m) => ({ default: m.RecordScreen })));
export const RetentionScreen = lazy(() => import('../retention/RetentionScreen').then((m) => ({ default: m.RetentionScreen })));
export const ReportsScreen = lazy(() => import('../reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));
export const ViolationsScreen = lazy(() => import('../violations/ViolationsScreen').then((m) => ({ default: m.ViolationsScreen })));
export const UserActivityScreen = lazy(() => import('../activity/UserActivityScreen').then((m) => ({ default: m.UserActivityScreen })));
export const ResourceScreen = lazy(() => import('../activity/ResourceScreen').then((m) => ({ default: m.ResourceScreen })));
export const SettingsScreen = lazy(() => import('../settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
