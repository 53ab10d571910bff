module.exports = { title: 'Design handbook' };
