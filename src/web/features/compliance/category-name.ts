/** A venue category's name in the UI language; `all` names "every category" (null). */
import { venueCategoryName } from '../../../shared/venue-categories.js';
import { currentLang } from '../../i18n/index.js';

export const categoryName = (code: string | null, all: string) =>
  code === null ? all : venueCategoryName(code, currentLang());
