/**
 * The mark the local Direct Line emulation puts in `channelData` on every activity from the
 * `/staff` page, after removing any the page itself sent. Only local runs trust it (the
 * configuration's staff mode `local`); in Azure, staff are the members of the configured Teams
 * channel, which Teams itself names in `channelData.channel`.
 */
export const LOCAL_STAFF_MARK = 'cloudbotLocalStaff';
