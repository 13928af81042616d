/** Shared class names for form controls and buttons. */
export const inputClass = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 text-sm focus:border-slate-700";
export const buttonClass = "rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50";
export const labelClass = "block text-sm font-medium text-slate-800";
