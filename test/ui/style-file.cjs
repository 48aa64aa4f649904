// Stylesheets have no meaning in jsdom: an import of one yields nothing.
module.exports = {};
